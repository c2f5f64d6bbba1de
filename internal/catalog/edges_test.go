package catalog

import "testing"

// TestRootHashIsSlotHashOfTheRoot checks the hash of root look-ups, which
// skips the parent's multiply, against slotHash of parent 0, which placed
// the root's edges: on the keys of news lines' pieces and edge cases.
func TestRootHashIsSlotHashOfTheRoot(t *testing.T) {
	keys := []uint64{0, 1, 'a', 0xff, 1 << 63, ^uint64(0), 0x9e3779b97f4a7c15}
	for _, text := range startTexts(t, MustDefault()) {
		for _, p := range appendPieces(nil, text) {
			keys = append(keys, p.keyOf(text, false).word)
		}
	}
	for _, key := range keys {
		if got, want := rootHash(key), slotHash(0, key); got != want {
			t.Fatalf("rootHash(%x) = %x, want %x", key, got, want)
		}
	}
}
