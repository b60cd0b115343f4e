// Every OpenTelemetry provider in a process listens to every ActivitySource it names, so hosts in parallel tests would
// export one another's spans into their in-memory lists; the tests in this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
