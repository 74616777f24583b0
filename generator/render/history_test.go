package render

import (
	"strconv"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/history"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// TestChangeEntryLimit: a commit that changed many files (a portal's first
// commit adds them all) lists changeEntities of them and counts the rest.
func TestChangeEntryLimit(t *testing.T) {
	for _, tt := range []struct {
		files, shown int
		more         string
	}{{3, 3, ""}, {changeEntities, changeEntities, ""}, {changeEntities + 1, changeEntities, "and 1 more file"}, {changeEntities + 7, changeEntities, "and 7 more files"}} {
		ch := &history.Change{Commit: &history.Commit{Hash: "1111111111111111111111111111111111111111", Short: "1111111", Subject: "First maps"}}
		for i := range tt.files {
			ch.Entities = append(ch.Entities, &history.EntityChange{Section: content.SectionStages, ID: "s" + strconv.Itoa(i), Title: "Stage", Added: true})
		}
		s := &site.Site{Config: config.Default()}
		e := changeEntryOf(common{Site: s, Config: s.Config, words: newWords(i18n.Default("en"))}, ch, false)
		if len(e.Entities) != tt.shown || e.More != tt.more {
			t.Errorf("%d files: %d listed and %q, want %d and %q", tt.files, len(e.Entities), e.More, tt.shown, tt.more)
		}
	}
}
