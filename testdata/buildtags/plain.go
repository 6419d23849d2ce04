package buildtags

// answer has no constraint and no directive.
const answer = 42
