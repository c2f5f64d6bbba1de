package extract

// newTransfer returns a copy of t kept with the document's other records.
func (x *docState) newTransfer(t *transfer) *transfer {
	return newInBlock(&x.transferBlock, *t)
}

// newInBlock returns a pointer to a copy of v kept in *block: the values
// of a document are made in blocks, one allocation for several values
// where each was one. A block once full is left to the values in it,
// which keep pointing into it, and a new one twice as large takes the
// next.
func newInBlock[T any](block *[]T, v T) *T {
	if len(*block) == cap(*block) {
		*block = make([]T, 0, max(4, 2*cap(*block)))
	}
	*block = append(*block, v)
	return &(*block)[len(*block)-1]
}

// sentenceList returns the list of sentence i alone, kept with the
// document's others in one array. Its capacity is its length, so that
// appending to it copies it rather than overwrite the next list.
func (x *docState) sentenceList(i int) []int {
	x.sentenceLists = append(x.sentenceLists, i)
	n := len(x.sentenceLists)
	return x.sentenceLists[n-1 : n : n]
}
