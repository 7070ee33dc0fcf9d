"""Demo and benchmark tooling, on top of the product: `desk --demo`, `desk-admin demo-data`,
`desk-admin bench` and the scripts that fill or measure a database.

The product layers (domain, storage, services, ui) never import this package; only the
composition roots (`desk/app.py`, `desk/cli/`) do. Inside, the modules keep the product's
layering (checked by lint-imports, contracts in pyproject.toml):

| module | layer | what |
|---|---|---|
| `bench_probe` | ui (Qt) | the window-side figures of the bench, `desk --measure-startup`, `--smoke-test` |
| `bench` | services | `desk-admin bench`: the figures, their raw-SQL floors, the JSON report |
| `demo` | services | the demo centre and the synthetic years (`fill_demo_centre`, `fill_demo_at_scale`) |
| `bulk`, `benchsql` | storage (SQLAlchemy) | fast inserts of plain rows; raw-SQL floors and query plans |
| `names` | domain (data) | given and family names, staff and interpreters of the demo centre |
"""
