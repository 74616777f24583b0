package server

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
)

// HostGuard is an http.Handler that passes on only the requests whose Host
// header names the server itself: an address it listens on, localhost or
// a name below .localhost. Any other Host is answered with 403 Forbidden.
// A web page elsewhere can point a name of its own at 127.0.0.1 (DNS
// rebinding) and read what a server on the writer's machine answers; its
// requests still carry that name, so they are refused. The port is not
// compared: it protects nothing, as the name is what a rebinding page
// cannot change, and a port forward (ssh -L 9000:localhost:1313,
// docker -p 8080:1313) or a proxy sends a port of its own.
type HostGuard struct {
	next  http.Handler
	port  string
	hosts map[string]bool
}

// GuardHosts wraps next in a HostGuard for a server listening on addr. A
// server listening on every interface (0.0.0.0 or ::) also answers to the
// addresses of the machine's interfaces and to its host name. names adds
// host names, such as the one given on the command line.
func GuardHosts(next http.Handler, addr net.Addr, names ...string) *HostGuard {
	g := &HostGuard{next: next, hosts: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		host = addr.String()
	}
	g.port = port
	for _, n := range names {
		g.hosts[normalHost(n)] = true
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsUnspecified() {
		g.hosts[normalHost(host)] = true
		return g
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				g.hosts[n.IP.String()] = true
			}
		}
	}
	if name, err := os.Hostname(); err == nil && name != "" {
		g.hosts[normalHost(name)] = true
	}
	return g
}

// normalHost is a host as compared: lower case, without brackets or a
// final dot, and an IP address in its usual form.
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// Allowed reports whether a request with the Host header host names this
// server, on any port.
func (g *HostGuard) Allowed(host string) bool {
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = host // no port
	}
	if name == "" {
		return false
	}
	name = normalHost(name)
	return g.hosts[name] || strings.HasSuffix(name, ".localhost")
}

// ServeHTTP refuses requests for other hosts and passes on the rest.
func (g *HostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if g.Allowed(r.Host) {
		g.next.ServeHTTP(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "cxatlas serve answers only requests for its own addresses, not for host %q, "+
		"so that pages of other sites cannot read the portal (DNS rebinding).\n"+
		"Open http://localhost:%s/ instead, or start cxatlas serve with -addr set to the address you want to use.\n", r.Host, g.port)
}
