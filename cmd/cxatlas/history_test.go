package main

import (
	"encoding/xml"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// gitRepoEnv is the environment of the binary and of git in the tests of
// history: TestMain's GIT_DIR, which hides cxatlas's own repository, is
// left out.
func gitRepoEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_DIR=") {
			env = append(env, kv)
		}
	}
	return append(env, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "SOURCE_DATE_EPOCH=1795521600")
}

// historySite makes a portal in a git repository: Ann writes it, Bob
// improves the checkout on a branch that Mia merges as pull request #12,
// and Ann reviews the map after the workshop.
func historySite(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	day := 0
	git := func(who string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=" + who, "-c", "user.email=" + strings.ToLower(strings.Fields(who)[0]) + "@example.com", "-c", "commit.gpgSign=false"}, args...)...)
		cmd.Dir = dir
		date := "2026-09-0" + string(rune('0'+day)) + "T10:00:00Z"
		cmd.Env = append(gitRepoEnv(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(files map[string]string) {
		for name, text := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	commit := func(who, msg string, files map[string]string) {
		day++
		write(files)
		git(who, "add", "-A")
		git(who, "commit", "-q", "-m", msg)
	}
	family := func(reviewed, emotion, pains string) string {
		return "+++\ntitle = \"Family\"\nreviewed = " + reviewed + "\n\n" +
			"[[steps]]\nstage = \"purchase\"\ntouchpoints = [\"website\"]\naction = \"Browses\"\nemotion = 1\n\n" +
			"[[steps]]\nstage = \"purchase\"\ntouchpoints = [\"website\"]\naction = \"Оформляет покупку\"\nemotion = " + emotion + "\npains = [" + pains + "]\n" +
			"+++\nThe family.\n"
	}
	git("Ann Writer", "init", "-q", "-b", "main")
	commit("Ann Writer", "First maps <draft>", map[string]string{
		"config.toml":                    "title = \"Test portal\"\nbaseURL = \"https://cx.example.com/\"\ncommitURL = \"https://git.example.com/cx/commit/\"\n",
		"content/stages/purchase.md":     "+++\ntitle = \"Purchase\"\n+++\n",
		"content/touchpoints/website.md": "+++\ntitle = \"Website\"\nowner = \"Web team\"\n+++\n",
		"content/personas/family.md":     family("2026-08-01", "-2", `{ text = "Removal is hidden", severity = "high" }`),
	})
	git("Ann Writer", "checkout", "-q", "-b", "fix-checkout")
	commit("Bob Designer", "Checkout is easier now", map[string]string{
		"content/personas/family.md": family("2026-08-01", "-1", `{ text = "Removal is hidden", severity = "medium" }`),
	})
	git("Ann Writer", "checkout", "-q", "main")
	day++
	git("Mia Lead", "merge", "-q", "--no-ff", "-m", "Merge pull request #12 from cx/fix-checkout", "fix-checkout")
	commit("Ann Writer", "Workshop review", map[string]string{
		"content/personas/family.md":     family("2026-09-04", "-1", `{ text = "Removal is hidden", severity = "medium" }`),
		"content/touchpoints/website.md": "+++\ntitle = \"Website\"\nowner = \"Digital team\"\n+++\n",
	})
	return dir
}

// build runs cxatlas build in site with env and returns the publish folder.
func buildWithEnv(t *testing.T, site string, env []string) string {
	t.Helper()
	out := filepath.Join(site, "public")
	cmd := exec.Command(binary, "build", "-q", "-s", site)
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	return out
}

func readPage(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHistoryPages(t *testing.T) {
	site := historySite(t)
	out := buildWithEnv(t, site, gitRepoEnv())
	tests := []struct {
		page string
		want []string
	}{
		{"personas/family/index.html", []string{
			`Last changed on <time datetime="2026-09-04">4 September 2026</time> by Ann Writer: “Workshop review”`,
			`<a href="https://git.example.com/cx/commit/`,
			`class="ov-then"`, `What changed since 1 September 2026`,
			`step 2 “Оформляет покупку”: emotion -2 → -1`,
			`step 2 “Оформляет покупку”: pain “Removal is hidden” re-rated High → Medium`,
		}},
		{"stages/purchase/index.html", []string{`Last changed on <time datetime="2026-09-01">1 September 2026</time> by Ann Writer: “First maps &lt;draft&gt;”`}},
		{"touchpoints/website/index.html", []string{`by Ann Writer: “Workshop review”`}},
		{"index.html", []string{`Built from commit <a href="https://git.example.com/cx/commit/`, `href="changes/">Changes</a>`,
			`Maps by last change`, `<time datetime="2026-09-04">4 September 2026</time>, Ann Writer`}},
		{"changes/index.html", []string{
			`<h2 id="c-`, `Checkout is easier now`, `Bob Designer`,
			`Merged in pull request #12 by Mia Lead on <time datetime="2026-09-03">3 September 2026</time>`,
			`owner Web team → Digital team`,
			`review date <time datetime="2026-08-01">1 August 2026</time> → <time datetime="2026-09-04">4 September 2026</time>`,
			`<span class=badge>added</span>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			got := readPage(t, out, tt.page)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %q", tt.page, w)
				}
			}
		})
	}
}

// atomFeed is what TestHistoryFeed reads of changes/index.xml.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Author  string `xml:"author>name"`
		Links   []struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestHistoryFeed(t *testing.T) {
	site := historySite(t)
	for _, baseURL := range []bool{true, false} {
		if !baseURL {
			if err := os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"Test portal\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out := buildWithEnv(t, site, gitRepoEnv())
		var f atomFeed
		if err := xml.Unmarshal([]byte(readPage(t, out, "changes/index.xml")), &f); err != nil {
			t.Fatalf("feed is not XML: %v", err)
		}
		if f.Title == "" || f.ID == "" || f.Updated != "2026-09-04T10:00:00Z" {
			t.Errorf("feed title %q, id %q, updated %q", f.Title, f.ID, f.Updated)
		}
		if len(f.Entries) != 3 {
			t.Fatalf("%d entries, want 3", len(f.Entries))
		}
		e := f.Entries[1]
		if e.Title != "Checkout is easier now" || e.Author != "Bob Designer" || e.Updated != "2026-09-02T10:00:00Z" || e.Content.Type != "html" ||
			!strings.Contains(e.Content.Text, "pull request #12 by Mia Lead") {
			t.Errorf("entry = %+v", e)
		}
		ids := map[string]bool{}
		for _, e := range f.Entries {
			if e.ID == "" || ids[e.ID] {
				t.Errorf("entry id %q is empty or repeated", e.ID)
			}
			ids[e.ID] = true
			// Atom ids are IRIs, links absolute.
			refs := []string{e.ID}
			for _, l := range e.Links {
				refs = append(refs, l.Href)
			}
			for _, r := range refs {
				if u, err := url.Parse(r); err != nil || !u.IsAbs() {
					t.Errorf("entry %q: %q is not an absolute IRI", e.Title, r)
				}
			}
		}
		// Atom allows no relative links: with baseURL every link is
		// absolute, without it the feed has none.
		feed := readPage(t, out, "changes/index.xml")
		if baseURL {
			if len(f.Links) != 2 || f.Links[0].Href != "https://cx.example.com/changes/index.xml" || f.ID != "https://cx.example.com/changes/" {
				t.Errorf("links %+v, id %q", f.Links, f.ID)
			}
		} else if strings.Contains(feed, "href=&#34;personas") || strings.Contains(feed, `href="`) || !strings.HasPrefix(f.ID, "urn:cxatlas:changes:") {
			t.Errorf("feed without baseURL has relative links or a bad id %q", f.ID)
		}
	}
}

func TestHistoryWithoutGit(t *testing.T) {
	site := historySite(t)
	withGit := buildWithEnv(t, site, gitRepoEnv())
	if _, err := os.Stat(filepath.Join(withGit, "changes", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(site, ".git")); err != nil {
		t.Fatal(err)
	}
	out := buildWithEnv(t, site, gitRepoEnv())
	for _, page := range []string{"personas/family/index.html", "index.html", "stages/purchase/index.html"} {
		got := readPage(t, out, page)
		for _, bad := range []string{"last-change", "built-from", "changes/", "ov-then", "h-freshness"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s without git shows %q", page, bad)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "changes")); !os.IsNotExist(err) {
		t.Errorf("changes/ is published without git: %v", err)
	}
}

// TestHistoryReadable checks the pages history adds to or changes: valid
// HTML5 by the Nu checker, and no WCAG 2.1 AA violation by axe-core in
// either colour scheme, at a desk and on a phone.
func TestHistoryReadable(t *testing.T) {
	site := historySite(t)
	out := buildWithEnv(t, site, gitRepoEnv())
	validateHTML(t, out)
	browsertest.NeedAxe(t)
	b := browsertest.Shared(t)
	base := browsertest.Serve(t, out, "/cx/portal/")
	for _, page := range []string{"index.html", "changes/index.html", "personas/family/index.html", "stages/purchase/index.html", "touchpoints/website/index.html"} {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			checkReadable(t, b.Tab(t), base, page)
		})
	}
}

// TestHistoryCheckUnreviewed: check warns, at the review date, about a
// map edited long after its review without the date moving.
func TestHistoryCheckUnreviewed(t *testing.T) {
	site := historySite(t)
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = site
		cmd.Env = append(gitRepoEnv(), "GIT_AUTHOR_DATE=2026-10-20T10:00:00Z", "GIT_COMMITTER_DATE=2026-10-20T10:00:00Z")
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := run(binary, "check"); strings.Contains(out, "not reviewed since") {
		t.Fatalf("check warns before the edit:\n%s", out)
	}
	f := filepath.Join(site, "content", "personas", "family.md")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, append(b, "More about the family.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	run("git", "-c", "user.name=Bob Designer", "-c", "user.email=bob@example.com", "commit", "-qam", "A late edit")
	out := run(binary, "check")
	want := `content/personas/family.md:3:12: warning: the map changed on 2026-10-20`
	if !strings.Contains(out, want) || !strings.Contains(out, "46 days after its review date 2026-09-04") {
		t.Errorf("check output lacks %q:\n%s", want, out)
	}
}
