package model

import (
	"crypto/rand"
	"encoding/binary"
	"strings"
	"time"
)

const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// NewID returns a new id: the prefix, a dash, then 16 characters of time
// and randomness (sortable by creation, unique without coordination).
func NewID(prefix string) string {
	var b [10]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli())<<16)
	_, _ = rand.Read(b[6:])
	var sb strings.Builder
	sb.WriteString(prefix)
	sb.WriteByte('-')
	v := binary.BigEndian.Uint64(b[:8])
	for i := 0; i < 12; i++ {
		sb.WriteByte(crockford[v>>59])
		v <<= 5
	}
	for _, x := range b[8:] {
		sb.WriteByte(crockford[x>>3])
		sb.WriteByte(crockford[x&7])
	}
	return sb.String()
}
