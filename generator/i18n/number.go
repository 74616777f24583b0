package i18n

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// numberFormat holds how a language writes a number: its decimal separator
// and minus sign.
type numberFormat struct {
	decimal, minus string
}

// numberFormatOf reads the decimal separator and minus sign of tag from the
// CLDR data of golang.org/x/text, by formatting a known number. minus, when
// set, replaces the CLDR sign: Russian typography wants a true minus (−)
// where CLDR gives the hyphen.
func numberFormatOf(tag language.Tag, minus string) numberFormat {
	s := message.NewPrinter(tag).Sprint(number.Decimal(-1.5, number.Scale(1)))
	f := numberFormat{decimal: ".", minus: "-"}
	if i := strings.IndexByte(s, '1'); i > 0 && strings.HasSuffix(s, "5") {
		f.minus = s[:i]
		f.decimal = s[i+1 : len(s)-1]
	}
	if minus != "" {
		f.minus = minus
	}
	return f
}

// Int writes a whole number: "12", "−3" in Russian.
func (c *Catalogue) Int(n int) string {
	if n < 0 {
		return c.num.minus + strconv.Itoa(-n)
	}
	return strconv.Itoa(n)
}

// Signed writes an emotion score with its sign: "+2", "0", "-1" ("−1" in
// Russian).
func (c *Catalogue) Signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return c.Int(n)
}

// SignedTenths writes v rounded to one decimal with its sign, dropping a
// zero decimal: "+1.3", "-0.5", "+2", "0"; in Russian "+1,3", "−0,5".
func (c *Catalogue) SignedTenths(v float64) string {
	r := math.Round(v * 10)
	if r == 0 {
		return "0"
	}
	tenths := int64(math.Abs(r))
	s := strconv.FormatInt(tenths/10, 10)
	if d := tenths % 10; d != 0 {
		s += c.num.decimal + strconv.FormatInt(d, 10)
	}
	if r > 0 {
		return "+" + s
	}
	return c.num.minus + s
}
