package main

import "time"

// nowUTC is the run date: the last fallback for reference times.
func nowUTC() time.Time { return time.Now().UTC() }
