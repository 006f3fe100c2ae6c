{
  "variables": { "with_dnnl%": "0" },
  "targets": [
    {
      "target_name": "gradproof_native",
      "sources": ["src/addon.c", "src/adam.c", "src/heap.c", "src/pixels.c", "src/batchnorm.c", "src/tanh.c", "src/hiddenstack.c", "src/gemm.c", "src/fmapeak.c", "src/sigmoid.c"],
      "cflags": ["-O3", "-ffp-contract=off", "-fno-fast-math", "-std=c11", "-fno-math-errno"],
      "libraries": ["-lopenblas", "-lm"],
      "conditions": [["with_dnnl==1", { "defines": ["GRADPROOF_DNNL"], "libraries": ["-ldnnl", "-lgomp"] }]]
    }
  ]
}
