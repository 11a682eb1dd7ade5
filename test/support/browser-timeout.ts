// A browser test drives Chromium through whole flows: each gets the room a loaded 2-core machine needs.
jest.setTimeout(120_000);
