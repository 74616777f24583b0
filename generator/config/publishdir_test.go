package config

import (
	"testing"

	"github.com/cxatlas/cxatlas/generator/diag"
)

func TestPublishDirAt(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want diag.Pos
	}{
		{"default", "title = \"T\"\n", diag.Pos{}},
		{"set", "title = \"T\"\n  publishDir = \"../out\"\n", diag.Pos{Line: 2, Col: 3}},
		{"in a table is not it", "[params]\npublishDir = \"x\"\n", diag.Pos{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			Parse(cfg, []byte(tt.src))
			if cfg.PublishDirAt != tt.want {
				t.Errorf("PublishDirAt = %+v, want %+v", cfg.PublishDirAt, tt.want)
			}
		})
	}
}
