package store

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// shingleWords is the number of words in a shingle: long enough that
// unrelated articles share few, short enough that one edited word changes
// few.
const shingleWords = 3

// Simhash is the 64-bit SimHash of body's lower-cased word 3-shingles
// (words are runs of letters and digits). Copies of an article that differ
// in a few words, boilerplate or punctuation differ in a few bits; unrelated
// articles differ in about 32. A body with no words has Simhash 0.
func Simhash(body string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	// A text shorter than a shingle is one shingle.
	n := max(len(words)-shingleWords+1, 1)
	var votes [64]int
	for i := range n {
		h := shingleHash(words[i:min(i+shingleWords, len(words))])
		for b := range votes {
			if h>>b&1 == 1 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var sum uint64
	for b, v := range votes {
		if v > 0 {
			sum |= 1 << b
		}
	}
	return sum
}

// shingleHash is FNV-1a followed by the SplitMix64 finaliser: FNV alone
// leaves the high bits of short inputs poorly mixed, which would bias the
// SimHash votes. Both are fixed functions, so stored hashes stay comparable
// across runs and versions.
func shingleHash(words []string) uint64 {
	h := fnv.New64a()
	for i, w := range words {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
