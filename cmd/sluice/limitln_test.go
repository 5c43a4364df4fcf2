package main

import (
	"net"
	"testing"
	"time"
)

// TestLimitListener: with 2 connections open, a third waits in the backlog
// until one closes.
func TestLimitListener(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := newLimitListener(raw, 2)
	defer ln.Close()
	accepted := make(chan net.Conn, 3)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	var clients []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", raw.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		clients = append(clients, c)
	}
	got := []net.Conn{<-accepted, <-accepted}
	select {
	case <-accepted:
		t.Fatal("a third connection was accepted with two open")
	case <-time.After(200 * time.Millisecond):
	}
	got[0].Close()
	got[0].Close() // a second Close gives back nothing more
	select {
	case c := <-accepted:
		c.Close()
	case <-time.After(5 * time.Second):
		t.Fatal("the third connection was not accepted after one closed")
	}
	got[1].Close()
	_ = clients
}
