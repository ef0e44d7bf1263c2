// Reads the badge baked into an image with Mozilla's openbadges-bakery (an independent implementation
// of the baking specification) and prints it: the assertion JSON, the JWS, or the assertion URL.
// Usage: node unbake.js <image file>
const fs = require('fs');
const bakery = require('openbadges-bakery');

bakery.extract(fs.readFileSync(process.argv[2]), (err, data) => {
  if (err) {
    console.error(err.code || '', err.message);
    process.exit(2);
  }
  process.stdout.write(String(data));
});
