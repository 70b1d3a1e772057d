# Sourced by .ci/preview and .ci/deploy: puts a Pulumi CLI on PATH, the release matching the
# @pulumi/pulumi SDK of the lock file (CLI and SDK are released together under one version).
ensure_pulumi() {
  if command -v pulumi >/dev/null 2>&1; then return; fi
  local version dir
  version="$(node -p 'require("@pulumi/pulumi/package.json").version')"
  dir="${RELENG_INFRA_TOOLS:-$HOME/.cache/releng-infra}/pulumi-$version"
  if [ ! -x "$dir/pulumi/pulumi" ]; then
    mkdir -p "$dir"
    curl -fsSL "https://get.pulumi.com/releases/sdk/pulumi-v${version}-linux-x64.tar.gz" | tar -xz -C "$dir"
  fi
  export PATH="$dir/pulumi:$PATH"
}
