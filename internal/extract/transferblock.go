package extract

// newTransfer returns a copy of t kept with the document's other records:
// they are made in blocks, one allocation for several records where each
// was one. A block once full is left to the records in it, which keep
// pointing into it, and a new one twice as large takes the next.
func (x *docState) newTransfer(t *transfer) *transfer {
	if len(x.transferBlock) == cap(x.transferBlock) {
		x.transferBlock = make([]transfer, 0, max(4, 2*cap(x.transferBlock)))
	}
	x.transferBlock = append(x.transferBlock, *t)
	return &x.transferBlock[len(x.transferBlock)-1]
}
