// Command servelatency measures how long an edit takes to reach the page
// cxatlas serve shows: from the write of a file to a response of the page
// that holds the change, timed by this client. It subscribes to the
// server's live-reload events and reads the page after each; for hugo
// server, whose reload protocol is a WebSocket, it reads the page every few
// milliseconds instead. With -rss N it makes N edits instead and reports
// the resident memory of the server after the first five and at the end.
//
// scripts/serve-latency.sh builds the binaries and the portals and runs it.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	cxatlas := flag.String("cxatlas", "cxatlas", "the cxatlas `binary`")
	hugo := flag.String("hugo", "", "the hugo `binary`; empty skips Hugo")
	portal := flag.String("portal", "", "the cxatlas site `folder` to serve")
	twin := flag.String("twin", "", "the Hugo site `folder` with the same content")
	n := flag.Int("n", 10, "edits of each kind")
	rss := flag.Int("rss", 0, "make this many edits and report the server's resident memory instead")
	flag.Parse()
	if *portal == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	if *rss > 0 {
		err = memory(*cxatlas, *portal, *rss)
	} else {
		err = latencies(*cxatlas, *hugo, *portal, *twin, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "servelatency:", err)
		os.Exit(1)
	}
}

// server is a running cxatlas serve or hugo server.
type server struct {
	cmd  *exec.Cmd
	url  string
	out  *lines
	done chan error
}

// lines keeps what a process prints and lets a reader wait for a line.
type lines struct {
	mu      sync.Mutex
	text    []string
	changed chan struct{}
}

func newLines() *lines { return &lines{changed: make(chan struct{})} }

func (l *lines) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		l.mu.Lock()
		l.text = append(l.text, sc.Text())
		close(l.changed)
		l.changed = make(chan struct{})
		l.mu.Unlock()
	}
}

// wait waits for the from-th line onwards to hold one matching re, and
// returns it with the count of lines.
func (l *lines) wait(re *regexp.Regexp, from int, limit time.Duration) (string, int, error) {
	timeout := time.After(limit)
	for {
		l.mu.Lock()
		for i := from; i < len(l.text); i++ {
			if re.MatchString(l.text[i]) {
				l.mu.Unlock()
				return l.text[i], i + 1, nil
			}
		}
		from = len(l.text)
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-timeout:
			return "", from, fmt.Errorf("no line matching %q within %v", re, limit)
		}
	}
}

func (l *lines) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.text)
}

// start runs a server and waits for its address, printed in a line that
// urlRe matches.
func start(urlRe *regexp.Regexp, name string, args ...string) (*server, error) {
	cmd := exec.Command(name, args...)
	out := newLines()
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	go out.read(pr)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, out: out, done: make(chan error, 1)}
	go func() {
		err := cmd.Wait()
		pw.Close()
		s.done <- err
	}()
	line, _, err := out.wait(urlRe, 0, 5*time.Minute)
	if err != nil {
		s.stop()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s.url = urlRe.FindStringSubmatch(line)[1]
	return s, nil
}

// stop ends the server as Ctrl+C does.
func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// get returns a page of the server, without the live-reload tag, which
// names the build and so changes with every build.
func get(url string) (string, error) {
	res, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return liveTag.ReplaceAllString(string(data), ""), nil
}

var liveTag = regexp.MustCompile(`<script src="/_cxatlas/live\.js"[^>]*></script>`)

// events follows the live-reload events of a cxatlas serve and sends a
// value on each.
func events(ctx context.Context, url string) (<-chan struct{}, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url+"_cxatlas/events", nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	c := make(chan struct{}, 64)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				select {
				case c <- struct{}{}:
				default:
				}
			}
		}
	}()
	return c, nil
}

// edit is one kind of change: the file it writes, the page that shows it,
// and the two versions of the file it writes in turn.
type edit struct {
	name     string
	file     string
	page     string // URL path below the portal
	original []byte
	changed  func(i int) []byte // the file's bytes for the i-th edit
	// shows reports whether a page shows the i-th edit; nil means the page
	// differs from what it was before the edit.
	shows func(page string, i int) bool
}

// replaceOnce returns a function that replaces the first match of re in
// data with repl(i).
func replaceOnce(data []byte, re *regexp.Regexp, repl func(i int) string) func(int) []byte {
	loc := re.FindSubmatchIndex(data)
	return func(i int) []byte {
		out := slices.Clone(data[:loc[2]])
		out = append(out, repl(i)...)
		return append(out, data[loc[3]:]...)
	}
}

// edits finds in the portal a file of each kind to edit.
func edits(portal string) ([]edit, error) {
	var list []edit
	tp, err := firstMatch(filepath.Join(portal, "content", "touchpoints"), regexp.MustCompile(`(?m)^title = "([^"]*)"`))
	if err != nil {
		return nil, err
	}
	list = append(list, edit{
		name: "touchpoint title", file: tp.path, page: "touchpoints/" + tp.id + "/", original: tp.data,
		changed: replaceOnce(tp.data, tp.re, func(i int) string { return fmt.Sprintf("%s edit%d", tp.match, i) }),
		shows:   func(page string, i int) bool { return strings.Contains(page, fmt.Sprintf(" edit%d<", i)) },
	})
	emo, err := firstMatch(filepath.Join(portal, "content", "personas"), regexp.MustCompile(`(?m)^emotion = (-?\d)`))
	if err != nil {
		return nil, err
	}
	list = append(list, edit{
		name: "persona step's emotion", file: emo.path, page: "personas/" + emo.id + "/", original: emo.data,
		changed: replaceOnce(emo.data, emo.re, func(i int) string { return other(emo.match, i, "-2", "2") }),
	})
	sev, err := firstMatch(filepath.Join(portal, "content", "personas"), regexp.MustCompile(`severity = "(low|medium|high)"`))
	if err != nil {
		return nil, err
	}
	list = append(list, edit{
		name: "pain's severity", file: sev.path, page: "personas/" + sev.id + "/", original: sev.data,
		changed: replaceOnce(sev.data, sev.re, func(i int) string { return other(sev.match, i, "low", "high") }),
	})
	st, err := lastStage(filepath.Join(portal, "content", "stages"))
	if err != nil {
		return nil, err
	}
	list = append(list, edit{
		name: "stage's order", file: st.path, page: "", original: st.data,
		// The last stage moves to the front and back.
		changed: replaceOnce(st.data, st.re, func(i int) string { return other(st.match, i, "-1", "0") }),
	})
	return list, nil
}

// other alternates between a value other than orig and orig, starting
// with the other: a or, when orig is a, b.
func other(orig string, i int, a, b string) string {
	if i%2 == 1 {
		return orig
	}
	if orig == a {
		return b
	}
	return a
}

type found struct {
	path, id, match string
	data            []byte
	re              *regexp.Regexp
}

// firstMatch returns the first file of dir, by name, that re matches.
func firstMatch(dir string, re *regexp.Regexp) (found, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return found{}, err
	}
	sort.Strings(names)
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			return found{}, err
		}
		if m := re.FindSubmatch(data); m != nil {
			return found{path: p, id: strings.TrimSuffix(filepath.Base(p), ".md"), match: string(m[1]), data: data, re: re}, nil
		}
	}
	return found{}, fmt.Errorf("no file in %s matches %q", dir, re)
}

// lastStage returns the stage with the highest order.
func lastStage(dir string) (found, error) {
	re := regexp.MustCompile(`(?m)^order = (-?\d+)`)
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return found{}, err
	}
	var best found
	bestOrder := -1 << 31
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			return found{}, err
		}
		if m := re.FindSubmatch(data); m != nil {
			if o, _ := strconv.Atoi(string(m[1])); o > bestOrder {
				bestOrder = o
				best = found{path: p, id: strings.TrimSuffix(filepath.Base(p), ".md"), match: string(m[1]), data: data, re: re}
			}
		}
	}
	if best.path == "" {
		return found{}, fmt.Errorf("no stage in %s has an order", dir)
	}
	return best, nil
}

// rebuilt matches the line cxatlas serve prints after each build.
var rebuilt = regexp.MustCompile(`^(rebuilt|built) .* pages in |^build failed`)

// latencies measures each kind of edit on cxatlas serve, then the
// touchpoint title on hugo server.
func latencies(cxatlas, hugo, portal, twin string, n int) error {
	list, err := edits(portal)
	if err != nil {
		return err
	}
	defer func() {
		for _, e := range list {
			os.WriteFile(e.file, e.original, 0o644)
		}
	}()
	s, err := start(regexp.MustCompile(`^serving (http://\S+/);`), cxatlas, "serve", "-s", portal, "-addr", "127.0.0.1:0")
	if err != nil {
		return err
	}
	if _, _, err := s.out.wait(rebuilt, 0, 10*time.Minute); err != nil {
		s.stop()
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ev, err := events(ctx, s.url)
	if err != nil {
		s.stop()
		return err
	}
	type row struct {
		name   string
		times  []time.Duration
		builds []string
	}
	var rows []row
	for _, e := range list {
		r := row{name: e.name}
		for i := range n {
			d, line, err := cxatlasEdit(s, ev, e, i)
			if err != nil {
				s.stop()
				return fmt.Errorf("%s, edit %d: %w", e.name, i+1, err)
			}
			r.times = append(r.times, d)
			r.builds = append(r.builds, line)
			fmt.Fprintf(os.Stderr, "cxatlas %s %d: %v (%s)\n", e.name, i+1, d.Round(time.Millisecond), line)
		}
		if err := os.WriteFile(e.file, e.original, 0o644); err != nil {
			return err
		}
		if _, _, err := s.out.wait(rebuilt, s.out.count(), time.Minute); err != nil {
			return err
		}
		rows = append(rows, r)
	}
	cancel()
	s.stop()

	var hugoTimes []time.Duration
	if hugo != "" && twin != "" {
		hugoTimes, err = hugoEdits(hugo, twin, list[0], n)
		if err != nil {
			return err
		}
	}
	fmt.Printf("| edit | edits | p50 | p95 | max |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, r := range rows {
		fmt.Printf("| cxatlas serve: %s | %d | %s | %s | %s |\n", r.name, len(r.times), ms(pct(r.times, 50)), ms(pct(r.times, 95)), ms(pct(r.times, 100)))
	}
	if hugoTimes != nil {
		fmt.Printf("| hugo server: %s | %d | %s | %s | %s |\n", list[0].name, len(hugoTimes), ms(pct(hugoTimes, 50)), ms(pct(hugoTimes, 95)), ms(pct(hugoTimes, 100)))
	}
	return nil
}

// cxatlasEdit makes the i-th edit of e and waits, through the server's
// events, for the page to show it; it returns the time from the write to
// the response that shows it, and the server's line about the build.
func cxatlasEdit(s *server, ev <-chan struct{}, e edit, i int) (time.Duration, string, error) {
	before, err := get(s.url + e.page)
	if err != nil {
		return 0, "", err
	}
	from := s.out.count()
	// Events of an earlier build are of no interest.
	for len(ev) > 0 {
		<-ev
	}
	data := e.changed(i)
	t0 := time.Now()
	if err := os.WriteFile(e.file, data, 0o644); err != nil {
		return 0, "", err
	}
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case <-ev:
		case <-time.After(time.Second):
			// A page the build left unchanged sends no event: look anyway.
		case <-timeout:
			return 0, "", errors.New("the page did not show the edit within 5 minutes")
		}
		page, err := get(s.url + e.page)
		if err != nil {
			continue // the portal may be between builds
		}
		shown := page != before
		if e.shows != nil {
			shown = e.shows(page, i)
		}
		if shown {
			d := time.Since(t0)
			// Let the whole build end before the next edit.
			line, _, err := s.out.wait(rebuilt, from, 5*time.Minute)
			return d, line, err
		}
	}
}

// hugoEdits makes n edits of the touchpoint title of e in the Hugo twin,
// reading the page every 5 ms until it shows each.
func hugoEdits(hugo, twin string, e edit, n int) ([]time.Duration, error) {
	file := filepath.Join(twin, "content", "touchpoints", filepath.Base(e.file))
	original, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	defer os.WriteFile(file, original, 0o644)
	re := regexp.MustCompile(`(?m)^title = "([^"]*)"`)
	m := re.FindSubmatch(original)
	if m == nil {
		return nil, fmt.Errorf("%s has no title", file)
	}
	changed := replaceOnce(original, re, func(i int) string { return fmt.Sprintf("%s edit%d", m[1], i) })
	// hugo server takes port 0 as it is: find a free port for it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	s, err := start(regexp.MustCompile(`Web Server is available at (http://\S+/)`), hugo, "server", "-s", twin,
		"--bind", "127.0.0.1", "--port", port, "--baseURL", "http://127.0.0.1/", "--appendPort=true")
	if err != nil {
		return nil, err
	}
	defer s.stop()
	url := s.url + "touchpoints/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"
	var times []time.Duration
	for i := range n {
		t0 := time.Now()
		if err := os.WriteFile(file, changed(i), 0o644); err != nil {
			return nil, err
		}
		want := fmt.Sprintf(" edit%d<", i)
		for {
			page, err := get(url)
			if err == nil && strings.Contains(page, want) {
				break
			}
			if time.Since(t0) > 2*time.Minute {
				return nil, fmt.Errorf("hugo server did not show edit %d within 2 minutes", i+1)
			}
			time.Sleep(5 * time.Millisecond)
		}
		d := time.Since(t0)
		times = append(times, d)
		fmt.Fprintf(os.Stderr, "hugo %s %d: %v\n", e.name, i+1, d.Round(time.Millisecond))
		time.Sleep(time.Second) // let it settle
	}
	return times, nil
}

// memory makes count edits of a touchpoint title, one build at a time,
// and reports the server's resident memory after the first five and at
// the end.
func memory(cxatlas, portal string, count int) error {
	list, err := edits(portal)
	if err != nil {
		return err
	}
	e := list[0]
	defer os.WriteFile(e.file, e.original, 0o644)
	s, err := start(regexp.MustCompile(`^serving (http://\S+/);`), cxatlas, "serve", "-s", portal, "-addr", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer s.stop()
	_, seen, err := s.out.wait(rebuilt, 0, 10*time.Minute)
	if err != nil {
		return err
	}
	var settled, peak int64
	startAt := time.Now()
	for i := range count {
		if err := os.WriteFile(e.file, e.changed(i), 0o644); err != nil {
			return err
		}
		if _, seen, err = s.out.wait(rebuilt, seen, 10*time.Minute); err != nil {
			return err
		}
		rss, err := vmRSS(s.cmd.Process.Pid)
		if err != nil {
			return err
		}
		peak = max(peak, rss)
		if i == 4 {
			settled = rss
		}
		if (i+1)%100 == 0 {
			fmt.Fprintf(os.Stderr, "%d rebuilds in %v: resident %d MiB\n", i+1, time.Since(startAt).Round(time.Second), rss>>10)
		}
	}
	end, err := vmRSS(s.cmd.Process.Pid)
	if err != nil {
		return err
	}
	fmt.Printf("| rebuilds | resident after 5 | resident at the end | end / after 5 | largest seen |\n| ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Printf("| %d | %d MiB | %d MiB | %.2f | %d MiB |\n", count, settled>>10, end>>10, float64(end)/float64(max(settled, 1)), peak>>10)
	return nil
}

// vmRSS reads the resident set of a process, in KiB, from
// /proc/PID/status.
func vmRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		if f := strings.Fields(string(line)); len(f) >= 2 && f[0] == "VmRSS:" {
			return strconv.ParseInt(f[1], 10, 64)
		}
	}
	return 0, errors.New("no VmRSS in /proc/PID/status")
}

// pct returns the p-th percentile of times, by the nearest-rank method.
func pct(times []time.Duration, p int) time.Duration {
	s := slices.Clone(times)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	i := (p*len(s) + 99) / 100
	return s[max(i-1, 0)]
}

func ms(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}
