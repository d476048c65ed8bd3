"""Running many dossiers: each one in a worker process under a time and memory budget, results written as they
finish (atomic files, a ledger to resume from), locally or on a Dask cluster.

`auditor audit PATH…` and `auditor batch ROOT…` both run through `pool.BudgetPool` (one mechanism); `runner`
adds what a batch needs on top (content hashes, resume, sinks, progress, summary).
"""
