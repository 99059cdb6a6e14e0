// CSV tests: written by the CSV helper.
