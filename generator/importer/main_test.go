package importer

import (
	"testing"

	"github.com/cxatlas/cxatlas/generator/internal/fuzzmain"
)

func TestMain(m *testing.M) { fuzzmain.Run(m) }
