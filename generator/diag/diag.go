// Package diag collects the problems found in a portal's content, each with
// the file, line and column it concerns and, where one helps, a hint.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Warning marks a likely mistake that does not stop the build.
	Warning Severity = iota
	// Error marks a problem that stops the build.
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a position in a file. Line and Col count from 1; zero means unknown.
type Pos struct {
	Line int
	Col  int
}

// Diagnostic is one problem in one place.
type Diagnostic struct {
	// File is the path of the file, relative to the site directory and
	// written with forward slashes.
	File     string
	Pos      Pos
	Severity Severity
	// Message says what is wrong, in words a writer can act on.
	Message string
	// Hint, when set, says what to do about it.
	Hint string
}

// String formats d as "file:line:col: severity: message; hint".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Location())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Text())
	return b.String()
}

// Location formats the file and position as "file:line:col", leaving out
// what is unknown.
func (d Diagnostic) Location() string {
	s := d.File
	if s == "" {
		s = "."
	}
	if d.Pos.Line > 0 {
		s += fmt.Sprintf(":%d", d.Pos.Line)
		if d.Pos.Col > 0 {
			s += fmt.Sprintf(":%d", d.Pos.Col)
		}
	}
	return s
}

// Text is the message followed by the hint, if any.
func (d Diagnostic) Text() string {
	if d.Hint == "" {
		return d.Message
	}
	return d.Message + "; " + d.Hint
}

// List is a set of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at file and pos.
func (l *List) Errorf(file string, pos Pos, format string, args ...any) *Diagnostic {
	return l.add(file, pos, Error, fmt.Sprintf(format, args...))
}

// Warnf adds a warning at file and pos.
func (l *List) Warnf(file string, pos Pos, format string, args ...any) *Diagnostic {
	return l.add(file, pos, Warning, fmt.Sprintf(format, args...))
}

func (l *List) add(file string, pos Pos, sev Severity, msg string) *Diagnostic {
	*l = append(*l, Diagnostic{File: file, Pos: pos, Severity: sev, Message: msg})
	return &(*l)[len(*l)-1]
}

// Append adds all of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line, column and message, and drops exact
// repeats.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(l)
}

// Count returns the number of errors and warnings in l.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic in l is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Err returns nil when l holds no errors, and otherwise an error listing
// every error in l.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	var errs List
	for _, d := range l {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	return &ContentError{List: errs}
}

// ContentError is returned by the build when the content has errors. It
// lists all of them.
type ContentError struct {
	List List
}

// Error lists every problem, one a line.
func (e *ContentError) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
