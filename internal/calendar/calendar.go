// Package calendar answers questions of the Gregorian calendar that the
// date readers ask for every date they find, without building a time.Time.
package calendar

// IsDay tells whether day is a day of month (1-12) in year, as
// time.Date, which carries a day past its month's end into the next,
// would keep it.
func IsDay(year, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return day <= 29
	}
	return day <= daysIn[month]
}

// daysIn are the days of each month, February's outside leap years.
var daysIn = [13]int{1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
