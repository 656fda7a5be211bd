# Sourced by the other scripts: puts the project's pinned tools first on PATH.
# npm's binaryen 132 comes before anything else, so Debian's wasm-opt 108 (which silently
# breaks today's Rust output) is never the one Trunk runs.
ANGLESHOT_TOOLS="${ANGLESHOT_TOOLS:-$HOME/.cache/angleshot-tools}"
export ANGLESHOT_TOOLS
export PATH="$ANGLESHOT_TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
