#!/usr/bin/python3
"""Generates the benchmark data: N café-like items of about 300 bytes, as NDJSON and as a JSON array (same items)."""
import json, random, sys

n, out_ndjson, out_json = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(42)
groups = ["coffee", "tea", "pastries", "breakfast", "sandwiches", "salads", "cakes", "cold drinks"]
words = "roasted smooth single origin oat milk butter almond honey crisp fresh seasonal spiced dark chocolate vanilla citrus".split()
with open(out_ndjson, "w") as nd, open(out_json, "w") as js:
    js.write("[\n")
    total = 0
    for i in range(n):
        description = " ".join(rng.choice(words) for _ in range(24))[:170]
        price = f"{rng.randint(1, 15)}.{rng.randint(0, 99):02d}"
        tags = rng.sample(["hot", "cold", "vegan", "vegetarian", "gluten free", "new"], 2)
        line = (f'{{"product_name":"product {i:08d}","product_id":{100000 + i},"description":"{description}",'
                f'"price":{price},"product_group":"{rng.choice(groups)}","tags":{json.dumps(tags)},"version":1}}')
        total += len(line)
        nd.write(line + "\n")
        js.write(line + (",\n" if i + 1 < n else "\n"))
    js.write("]\n")
print(f"generated {n} items, {total / n:.0f} bytes each on average (JSON text)")
