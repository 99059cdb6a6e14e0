// Service tests: written by the service-test helper.
