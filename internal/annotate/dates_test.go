package annotate

import (
	"fmt"
	"math"
	"testing"
)

// TestDateStringPadsAsFmt checks Date.String against the fmt verbs it
// stands for, on odd values too: negative, wide, out of range.
func TestDateStringPadsAsFmt(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 2024, 12345, -1, -9, -10, -999, -1000, -12345, math.MinInt, math.MaxInt} {
		for _, c := range []struct {
			d    Date
			want string
		}{
			{Date{Y: n, Precision: Year}, fmt.Sprintf("%04d", n)},
			{Date{Y: n, M: n, Precision: Month}, fmt.Sprintf("%04d-%02d", n, n)},
			{Date{Y: 2024, M: n, D: n, Precision: Day}, fmt.Sprintf("%04d-%02d-%02d", 2024, n, n)},
			{Date{Y: n, M: 3, D: 7, Precision: NoDate}, ""},
		} {
			if got := c.d.String(); got != c.want {
				t.Errorf("%+v.String() = %q, want %q", c.d, got, c.want)
			}
		}
	}
}
