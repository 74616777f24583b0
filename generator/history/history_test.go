package history

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
)

// readRepo reads the history of the portal in dir as the build does.
func readRepo(t *testing.T, dir string, edit func(*config.Config)) *History {
	t.Helper()
	cfg, diags := config.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if edit != nil {
		edit(cfg)
	}
	set, diags := content.Load(content.Options{SiteDir: dir, Config: cfg})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	h, diags := Read(Options{SiteDir: dir, Config: cfg, Set: set, Now: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems: %v", diags)
	}
	return h
}

func TestReadLastChangesAndMerges(t *testing.T) {
	r := newRepo(t)
	initial, bob, merge, review := portalRepo(r)
	h := readRepo(t, r.dir, nil)
	if h == nil {
		t.Fatal("no history")
	}
	if h.Head.Hash != review {
		t.Errorf("Head = %s, want %s", h.Head.Short, review[:7])
	}
	if h.Shallow {
		t.Error("Shallow is set in a full clone")
	}
	tests := []struct {
		path, hash, author string
	}{
		{"content/personas/family.md", review, "Ann Writer"},
		{"content/touchpoints/website.md", review, "Ann Writer"},
		{"content/stages/delivery.md", initial, "Ann Writer"},
		{"README.txt", "", ""},
	}
	for _, tt := range tests {
		c := h.Last(tt.path)
		if tt.hash == "" {
			if c != nil {
				t.Errorf("Last(%s) = %s, want none", tt.path, c.Short)
			}
			continue
		}
		if c == nil || c.Hash != tt.hash || c.Author != tt.author {
			t.Errorf("Last(%s) = %+v, want %s by %s", tt.path, c, tt.hash[:7], tt.author)
		}
	}
	// Three commits changed content; the merge itself changed nothing of
	// its own.
	var hashes []string
	for _, c := range h.Commits {
		hashes = append(hashes, c.Hash)
	}
	if want := []string{review, bob, initial}; !reflect.DeepEqual(hashes, want) {
		t.Errorf("Commits = %v, want %v", hashes, want)
	}
	bc := h.Commits[1]
	want := &Merge{Hash: merge, Short: merge[:7], PR: 12, Approver: "Mia Lead", Date: time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC),
		Subject: "Merge pull request #12 from cx/fix-checkout"}
	if !reflect.DeepEqual(bc.Merge, want) {
		t.Errorf("merge of Bob's commit = %+v, want %+v", bc.Merge, want)
	}
	if h.Commits[0].Merge != nil || h.Commits[2].Merge != nil {
		t.Error("a commit made on main has a merge")
	}
}

func TestReadChanges(t *testing.T) {
	r := newRepo(t)
	portalRepo(r)
	h := readRepo(t, r.dir, nil)
	if len(h.Changes) != 3 {
		t.Fatalf("%d changes, want 3", len(h.Changes))
	}
	byPath := func(ch *Change, p string) *EntityChange {
		for _, e := range ch.Entities {
			if e.Path == p {
				return e
			}
		}
		t.Fatalf("commit %s: no change to %s", ch.Commit.Short, p)
		return nil
	}
	tests := []struct {
		name   string
		change int
		path   string
		want   []Item
	}{
		{"emotion and pains", 1, "content/personas/family.md", []Item{
			{Kind: EmotionMoved, Step: 2, Action: "Оформляет покупку", From: "-2", To: "-1"},
			{Kind: PainRerated, Step: 2, Action: "Оформляет покупку", Text: "Removal is hidden", From: "high", To: "medium"},
			{Kind: PainAdded, Step: 2, Action: "Оформляет покупку", Text: "No delivery slots"},
		}},
		{"review and step", 0, "content/personas/family.md", []Item{
			{Kind: ReviewMoved, FromDate: day(2026, 8, 1), ToDate: day(2026, 9, 4)},
			{Kind: StepAdded, Step: 4, Action: "Unpacks"},
		}},
		{"owner", 0, "content/touchpoints/website.md", []Item{
			{Kind: OwnerChanged, From: "Web team", To: "Digital team"},
		}},
		{"added", 2, "content/stages/purchase.md", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := byPath(h.Changes[tt.change], tt.path)
			if !reflect.DeepEqual(e.Items, tt.want) {
				t.Errorf("items = %+v\nwant %+v", e.Items, tt.want)
			}
		})
	}
	if e := byPath(h.Changes[2], "content/stages/purchase.md"); !e.Added || e.Title != "Purchase" || e.Section != content.SectionStages || e.ID != "purchase" {
		t.Errorf("first commit's stage = %+v", e)
	}
}

func TestReadWindow(t *testing.T) {
	r := newRepo(t)
	_, _, _, review := portalRepo(r)
	h := readRepo(t, r.dir, func(c *config.Config) { c.History.Window = 1 })
	if len(h.Changes) != 1 || h.Changes[0].Commit.Hash != review {
		t.Errorf("window 1 gave %d changes", len(h.Changes))
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestBaselines(t *testing.T) {
	tests := []struct {
		name     string
		baseline string
		// commit picks the revision the baseline should come from.
		commit   func(initial, bob string) string
		then     []Point
		nItems   int
		wantNone bool
	}{
		{"previous review", "", func(initial, _ string) string { return initial },
			[]Point{{1, true}, {-2, true}, {-1, true}, {}}, 5, false},
		{"tag", "workshop", func(_, bob string) string { return bob },
			[]Point{{1, true}, {-1, true}, {-1, true}, {}}, 2, false},
		{"duration", "28d", func(initial, _ string) string { return initial },
			[]Point{{1, true}, {-2, true}, {-1, true}, {}}, 5, false},
		{"duration before history", "90d", nil, nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			initial, bob, _, _ := portalRepo(r)
			r.git("", "tag", "workshop", bob)
			h := readRepo(t, r.dir, func(c *config.Config) { c.History.Baseline = tt.baseline })
			b := h.Baseline("family")
			if tt.wantNone {
				if b != nil {
					t.Fatalf("baseline = %+v, want none", b)
				}
				return
			}
			if b == nil {
				t.Fatal("no baseline")
			}
			if want := tt.commit(initial, bob); b.Commit == nil || b.Commit.Hash != want {
				t.Errorf("baseline commit = %+v, want %s", b.Commit, want[:7])
			}
			if !reflect.DeepEqual(b.Then, tt.then) {
				t.Errorf("Then = %v, want %v", b.Then, tt.then)
			}
			if len(b.Items) != tt.nItems {
				t.Errorf("%d items since the baseline, want %d: %+v", len(b.Items), tt.nItems, b.Items)
			}
		})
	}
}

func TestReadWithoutGit(t *testing.T) {
	r := newRepo(t)
	portalRepo(r)
	if err := os.RemoveAll(filepath.Join(r.dir, ".git")); err != nil {
		t.Fatal(err)
	}
	if h := readRepo(t, r.dir, nil); h != nil {
		t.Errorf("history without .git: %+v", h)
	}
	// No git program: no history either.
	cfg := config.Default()
	h, diags := Read(Options{SiteDir: r.dir, Config: cfg, Git: filepath.Join(t.TempDir(), "no-git")})
	if h != nil || len(diags) > 0 {
		t.Errorf("history without git = %v, %v", h, diags)
	}
}

func TestUnreviewed(t *testing.T) {
	r := newRepo(t)
	portalRepo(r)
	r.day = 20
	r.commit("Bob Designer", "Another pain", map[string]string{
		"content/personas/family.md": family("2026-09-04", "-1", `"Slow"`, true),
	})
	for _, tt := range []struct {
		days int
		want int
	}{{30, 0}, {10, 1}} {
		cfg, _ := config.Load(r.dir)
		cfg.History.StaleDays = tt.days
		set, _ := content.Load(content.Options{SiteDir: r.dir, Config: cfg})
		_, diags := Read(Options{SiteDir: r.dir, Config: cfg, Set: set})
		if len(diags) != tt.want {
			t.Errorf("staleDays %d: %d warnings, want %d: %v", tt.days, len(diags), tt.want, diags)
		}
		for _, d := range diags {
			if d.File != "content/personas/family.md" || d.Pos.Line != 3 {
				t.Errorf("warning at %s:%d, want the reviewed line", d.File, d.Pos.Line)
			}
		}
	}
}

func TestReadShallowClone(t *testing.T) {
	r := newRepo(t)
	_, _, _, review := portalRepo(r)
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("", "clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	cfg, _ := config.Load(clone)
	set, _ := content.Load(content.Options{SiteDir: clone, Config: cfg})
	h, diags := Read(Options{SiteDir: clone, Config: cfg, Set: set})
	if h == nil || !h.Shallow {
		t.Fatalf("history of a shallow clone = %+v", h)
	}
	// What the clone holds is shown: the last commit, as the last change
	// of every file.
	if c := h.Last("content/stages/delivery.md"); c == nil || c.Hash != review {
		t.Errorf("last change of a file in a shallow clone = %+v", c)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "shallow clone") || !strings.Contains(diags[0].Hint, "fetch-depth: 0") {
		t.Errorf("want one warning naming the fix, got %v", diags)
	}
}
