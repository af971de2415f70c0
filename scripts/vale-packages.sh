# Sourced by scripts/test.sh: finds the Vale style packages whose fixtures the conformance check runs (docs/vale.md).
# They are not part of the repository; they sit beside it: $VALE_CONFORMANCE_DIR, else ../shared/vale-conformance,
# else /work/shared/vale-conformance. Each package needs testdata/test.ct (Vale's expected output).
#
# vale_packages: sets vale_package_dirs to the folders of the packages to check. Every package of VALE_PACKAGES
# (Microsoft write-good Joblint) must be there with its test.ct; a folder without test.ct is named as skipped.
# Missing or incomplete data fails (return 1) under CI=true or when VALE_CONFORMANCE_DIR names a wrong folder;
# elsewhere it is reported as skipped (return 0 with no packages or fewer).
VALE_PACKAGES="${VALE_PACKAGES:-Microsoft write-good Joblint}"

vale_packages() {
  vale_package_dirs=()
  local dir="${VALE_CONFORMANCE_DIR:-}" candidate package problems=()
  if [[ -n "$dir" && ! -d "$dir" ]]; then
    echo "Vale conformance: VALE_CONFORMANCE_DIR=$dir is not a folder" >&2
    return 1
  fi
  for candidate in ../shared/vale-conformance /work/shared/vale-conformance; do
    if [[ -z "$dir" && -d "$candidate" ]]; then
      dir="$candidate"
    fi
  done
  if [[ -z "$dir" ]]; then
    problems+=("no package folder (VALE_CONFORMANCE_DIR, ../shared/vale-conformance, /work/shared/vale-conformance)")
  else
    for package in $VALE_PACKAGES; do
      if [[ ! -d "$dir/$package" ]]; then
        problems+=("package $package is missing from $dir")
      fi
    done
    for package in "$dir"/*/; do
      package="${package%/}"
      if [[ -f "$package/testdata/test.ct" ]]; then
        vale_package_dirs+=("$package")
      else
        problems+=("skipping package $(basename "$package"): no testdata/test.ct in $package")
      fi
    done
  fi
  local problem
  for problem in "${problems[@]}"; do
    echo "Vale conformance: $problem" >&2
  done
  if (( ${#problems[@]} > 0 )) && [[ "${CI:-}" == true ]]; then
    echo "Vale conformance: CI needs every package (${VALE_PACKAGES}) with its testdata/test.ct; failing" >&2
    return 1
  fi
  return 0
}
