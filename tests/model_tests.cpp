// Model tests: written by the model-test helper.
