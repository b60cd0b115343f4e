#!/usr/bin/python3
"""boto3 contenders: batch_writer (what most Python loaders use) and one put_item per item. Times only the write loop."""
import json, sys, time
from decimal import Decimal
import boto3

mode, endpoint, table_name, path = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
limit = int(sys.argv[5]) if len(sys.argv) > 5 else None
items = []
with open(path) as f:
    for line in f:
        items.append(json.loads(line, parse_float=Decimal))
        if limit and len(items) >= limit:
            break
table = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="local", aws_secret_access_key="local").Table(table_name)
start = time.perf_counter()
if mode == "batch_writer":
    with table.batch_writer() as batch:
        for item in items:
            batch.put_item(Item=item)
else:
    for item in items:
        table.put_item(Item=item)
seconds = time.perf_counter() - start
print(f"RESULT boto3-{mode.replace('_', '-')} {len(items)} {seconds:.3f}")
