package importer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/cxatlas/cxatlas/generator/content"
)

// russianLatin spells Russian letters in Latin, as passports and URLs do.
var russianLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
}

// maxIDLen bounds the length of an id made from a name, in bytes.
const maxIDLen = 60

// IDFrom makes an id from a name: lower case, Russian letters spelt in
// Latin, other letters and digits kept, anything else a single "-". It
// gives "" for a name with no letters or digits.
func IDFrom(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(content.NormalID(name)) {
		lat, ru := russianLatin[r]
		switch {
		case ru:
			b.WriteString(lat)
			dash = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’' || r == '"' || r == '«' || r == '»':
			// "Brightline's" is "brightlines"
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= maxIDLen {
			break
		}
	}
	id := strings.Trim(b.String(), "-")
	for len(id) > maxIDLen || (id != "" && !content.ValidID(id)) {
		r := []rune(id)
		id = strings.Trim(string(r[:len(r)-1]), "-")
	}
	return content.NormalID(id)
}

// uniqueID returns id, or id with "-2", "-3"... when it clashes with an
// id taken, the way the build compares ids (case, Unicode form,
// look-alike letters).
func uniqueID(id string, taken []string) string {
	try := id
	for n := 2; ; n++ {
		clash := false
		for _, t := range taken {
			if content.Clash(try, t) != "" {
				clash = true
				break
			}
		}
		if !clash {
			return try
		}
		try = id + "-" + strconv.Itoa(n)
	}
}
