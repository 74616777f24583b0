package site

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// dumpModel writes every value reachable from s, and the diagnostics, as
// text that two models compare equal by. It records order (of every slice),
// nil against empty, and sharing: each pointer is written once, as "#n",
// with its target, and later as "@n". Targets are written breadth first, so
// a deep graph does not need a deep stack.
func dumpModel(w io.Writer, s *Site, diags diag.List) error {
	bw := bufio.NewWriter(w)
	d := &dumper{w: bw, ids: map[ptrKey]int{}}
	d.value(reflect.ValueOf(s))
	bw.WriteString("\n")
	for len(d.queue) > 0 {
		v := d.queue[0]
		d.queue = d.queue[1:]
		fmt.Fprintf(bw, "#%d = ", d.ids[ptrKey{v.Type(), v.Pointer()}])
		d.value(v.Elem())
		bw.WriteString("\n")
	}
	for _, dg := range diags {
		fmt.Fprintf(bw, "diag %s | %q\n", dg.String(), dg.Hint)
	}
	return bw.Flush()
}

// ptrKey tells pointers apart by type as well as address: a struct and its
// first field share an address.
type ptrKey struct {
	t    reflect.Type
	addr uintptr
}

type dumper struct {
	w     *bufio.Writer
	ids   map[ptrKey]int
	queue []reflect.Value
}

var timeType = reflect.TypeFor[time.Time]()

func (d *dumper) value(v reflect.Value) {
	w := d.w
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			w.WriteString("nil")
			return
		}
		k := ptrKey{v.Type(), v.Pointer()}
		id, ok := d.ids[k]
		if !ok {
			id = len(d.ids) + 1
			d.ids[k] = id
			d.queue = append(d.queue, v)
		}
		fmt.Fprintf(w, "@%d", id)
	case reflect.Struct:
		// A time is written as text; only one reached through exported
		// fields can be read through its methods.
		if v.Type() == timeType && v.CanInterface() {
			fmt.Fprintf(w, "time(%s)", v.Interface().(time.Time).Format(time.RFC3339Nano))
			return
		}
		w.WriteString(v.Type().Name() + "{")
		for i := range v.NumField() {
			if i > 0 {
				w.WriteString(" ")
			}
			w.WriteString(v.Type().Field(i).Name + ":")
			d.value(v.Field(i))
		}
		w.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			w.WriteString("nil")
			return
		}
		d.list(v)
	case reflect.Array:
		d.list(v)
	case reflect.Map:
		if v.IsNil() {
			w.WriteString("nilmap")
			return
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return compareKeys(a, b) })
		w.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				w.WriteString(" ")
			}
			d.value(k)
			w.WriteString(":")
			d.value(v.MapIndex(k))
		}
		w.WriteString("]")
	case reflect.Interface:
		if v.IsNil() {
			w.WriteString("nil")
			return
		}
		d.value(v.Elem())
	case reflect.String:
		w.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		w.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		w.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Func, reflect.Chan:
		fmt.Fprintf(w, "%s(nil=%v)", v.Kind(), v.IsNil())
	default:
		fmt.Fprintf(w, "?%s", v.Kind())
	}
}

func (d *dumper) list(v reflect.Value) {
	d.w.WriteString("[")
	for i := range v.Len() {
		if i > 0 {
			d.w.WriteString(" ")
		}
		d.value(v.Index(i))
	}
	d.w.WriteString("]")
}

// compareKeys orders map keys of the kinds the model and config use.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}
