package server

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestGuardHosts(t *testing.T) {
	loopback := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 7, 20), Port: 8080}
	every := &net.TCPAddr{IP: net.IPv6unspecified, Port: 1313}
	hostname, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	var iface string
	if addrs, err := net.InterfaceAddrs(); err == nil && len(addrs) > 0 {
		iface = addrs[0].(*net.IPNet).IP.String()
	}
	tests := []struct {
		name  string
		addr  net.Addr
		names []string
		host  string
		ok    bool
	}{
		{name: "loopback", addr: loopback, host: "127.0.0.1:1313", ok: true},
		{name: "localhost", addr: loopback, host: "localhost:1313", ok: true},
		{name: "localhost in capitals with a final dot", addr: loopback, host: "LocalHost.:1313", ok: true},
		{name: "a name below localhost", addr: loopback, host: "portal.localhost:1313", ok: true},
		{name: "IPv6 loopback", addr: loopback, host: "[::1]:1313", ok: true},
		{name: "rebound name", addr: loopback, host: "attacker.example:1313"},
		{name: "rebound name posing as localhost", addr: loopback, host: "localhost.attacker.example:1313"},
		{name: "localhost on a forwarded port", addr: loopback, host: "localhost:9000", ok: true},
		{name: "loopback on a forwarded port", addr: loopback, host: "127.0.0.1:8080", ok: true},
		{name: "IPv6 loopback on a forwarded port", addr: loopback, host: "[::1]:9000", ok: true},
		{name: "no port", addr: loopback, host: "localhost", ok: true},
		{name: "IPv6 loopback without a port", addr: loopback, host: "[::1]", ok: true},
		{name: "rebound name on another port", addr: loopback, host: "attacker.example:9000"},
		{name: "rebound name without a port", addr: loopback, host: "attacker.example"},
		{name: "a port alone", addr: loopback, host: ":1313"},
		{name: "empty", addr: loopback, host: ""},
		{name: "the address listened on", addr: lan, host: "192.168.7.20:8080", ok: true},
		{name: "another address of the LAN", addr: lan, host: "192.168.7.21:8080"},
		{name: "the address listened on, through a proxy's port", addr: lan, host: "192.168.7.20:443", ok: true},
		{name: "a name given on the command line", addr: lan, names: []string{"Portal.Lan"}, host: "portal.lan:8080", ok: true},
		{name: "every interface: the host name", addr: every, host: hostname + ":1313", ok: true},
		{name: "every interface: localhost", addr: every, host: "localhost:1313", ok: true},
		{name: "every interface: a rebound name", addr: every, host: "attacker.example:1313"},
		{name: "port 80 without a port", addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80}, host: "localhost", ok: true},
	}
	if iface != "" {
		tests = append(tests, struct {
			name  string
			addr  net.Addr
			names []string
			host  string
			ok    bool
		}{name: "every interface: an interface address", addr: every, host: net.JoinHostPort(iface, "1313"), ok: true})
	}
	dir := portal(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := New(dir)
			defer h.Close()
			g := GuardHosts(h, tt.addr, tt.names...)
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Host = tt.host
			w := httptest.NewRecorder()
			g.ServeHTTP(w, r)
			body, _ := io.ReadAll(w.Result().Body)
			if tt.ok {
				if w.Code != http.StatusOK || !strings.Contains(string(body), "<h1>Home</h1>") {
					t.Errorf("Host %q: %d %q, want the home page", tt.host, w.Code, body)
				}
				return
			}
			if w.Code != http.StatusForbidden {
				t.Errorf("Host %q: status %d, want 403", tt.host, w.Code)
			}
			if strings.Contains(string(body), "Home") || !strings.Contains(string(body), "not for host "+`"`+tt.host+`"`) ||
				!strings.Contains(string(body), "DNS rebinding") {
				t.Errorf("Host %q: body %q", tt.host, body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

// FuzzHostAllowed feeds Host headers to the guard of a loopback server: it
// must never panic, and must pass only hosts that name the loopback
// interface, on whatever port.
func FuzzHostAllowed(f *testing.F) {
	for _, s := range []string{"localhost:1313", "[::1]:1313", "127.0.0.1:1313", "evil.example:1313", "", "[", "a.localhost:1313", "LOCALHOST.:1313", "[::ffff:127.0.0.1]:1313"} {
		f.Add(s)
	}
	g := GuardHosts(http.NotFoundHandler(), &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313})
	f.Fuzz(func(t *testing.T, host string) {
		if !g.Allowed(host) {
			return
		}
		name, _, err := net.SplitHostPort(host)
		if err != nil {
			name = host
		}
		name = normalHost(name)
		if name != "localhost" && name != "127.0.0.1" && name != "::1" && !strings.HasSuffix(name, ".localhost") {
			t.Errorf("Allowed(%q), which names %q, not the server", host, name)
		}
	})
}
