// Package natstest gives tests a queue of their own: a fresh name on the
// NATS server named by $DOSSIER_TEST_NATS, or on a JetStream server
// started in the test when that is unset, so that the tests always run.
package natstest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/dossier-osint/dossier/internal/queue"
)

// EnvVar names the server tests use.
const EnvVar = "DOSSIER_TEST_NATS"

// QueueURL returns a queue URL (see package queue) with a random name,
// whose streams are deleted when the test ends.
func QueueURL(t testing.TB) string {
	t.Helper()
	addr := os.Getenv(EnvVar)
	if addr == "" {
		addr = embedded(t)
	}
	var random [6]byte
	rand.Read(random[:])
	name := "test-" + hex.EncodeToString(random[:])
	u := strings.TrimSuffix(addr, "/") + "/" + name
	t.Cleanup(func() { deleteQueue(t, u) })
	return u
}

// embedded starts a JetStream server on loopback, with its store in the
// test's temporary folder, and stops it when the test ends.
func embedded(t testing.TB) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatalf("starting an embedded NATS server: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		t.Fatal("the embedded NATS server did not start within 10 s")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s.ClientURL()
}

// deleteQueue removes a queue's streams.
func deleteQueue(t testing.TB, queueURL string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, queueURL, "natstest cleanup")
	if err == nil {
		defer q.Close()
		err = q.Delete(ctx)
	}
	if err != nil {
		t.Errorf("cleaning up: %v", err)
	}
}
