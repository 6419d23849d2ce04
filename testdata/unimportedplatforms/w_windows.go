package unimportedplatforms

//gathergen:async (*strings.Builder).WriteString

//gathergen:async io.Reader.Read
