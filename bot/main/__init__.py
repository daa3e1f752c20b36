"""The wiring, the top layer: the dispatcher and its middlewares, the command line, start-up."""
