package i18n_test

import (
	"fmt"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"
)

func ExampleCatalogue_Plural() {
	ru := i18n.Default("ru")
	for _, n := range []int{1, 2, 5, 21} {
		fmt.Println(ru.Plural("count.steps", n))
	}
	fmt.Println(ru.Date(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)), ru.SignedTenths(-0.5))
	// Output:
	// 1 шаг
	// 2 шага
	// 5 шагов
	// 21 шаг
	// 1 июня 2026 −0,5
}
