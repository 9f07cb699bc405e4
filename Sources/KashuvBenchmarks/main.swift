print("kashuv-bench: no benchmarks yet")
