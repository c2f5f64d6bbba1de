package calendar

import (
	"testing"
	"time"
)

// TestIsDayKeepsWhatTimeDateKeeps holds IsDay to time.Date over every
// day number from -1 to 32 of every month (and months beyond the year's)
// of four centuries, leap and common years among them.
func TestIsDayKeepsWhatTimeDateKeeps(t *testing.T) {
	for year := 1800; year <= 2200; year++ {
		for month := -1; month <= 14; month++ {
			for day := -1; day <= 32; day++ {
				d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
				want := month >= 1 && month <= 12 && d.Year() == year && int(d.Month()) == month && d.Day() == day
				if got := IsDay(year, month, day); got != want {
					t.Fatalf("IsDay(%d, %d, %d) = %v, want %v", year, month, day, got, want)
				}
			}
		}
	}
}
