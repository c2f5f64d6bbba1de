package annotate

import "testing"

func BenchmarkZZWords(b *testing.B) {
	sents := devSentences(b)
	size := 0
	for _, s := range sents {
		size += len(s)
	}
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, s := range sents {
			ws := words{text: s}
			for {
				_, _, ok := ws.next()
				if !ok {
					break
				}
				n++
			}
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "words/op")
}

func BenchmarkZZWordsFind(b *testing.B) {
	sents := devSentences(b)
	size := 0
	for _, s := range sents {
		size += len(s)
	}
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, s := range sents {
			ws := words{text: s}
			for {
				i, e, ok := ws.next()
				if !ok {
					break
				}
				if _, ok := qtyWords.find(s[i:e]); ok {
					n++
				}
			}
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "hits/op")
}
