// Package errgroupmethod has group helpers that, as methods of their
// elements' type, would collide with what that type has.
package errgroupmethod

// Client has a field and a method of the names that groups ask for.
type Client struct {
	Page int
	Base
}

// Base is embedded in Client.
type Base struct{}

// Promoted is promoted to Client.
func (Base) Promoted() {}

// Load loads.
//
//gathergen:async
func (c *Client) Load(id int) int { return id }

// Save saves.
//
//gathergen:async
func (c *Client) Save(id int) error { return nil }

//gathergen:gather Page Client.Load Client.Save

//gathergen:gather Load Client.Load Client.Save

//gathergen:gather Promoted Client.Load Client.Save

// A name that Client does not have yet is fine.
//
//gathergen:gather Free Load Save
