// A function computing a body-mass index with weight2loss.
const { bmi } = require('weight2loss');

exports.handler = async (event) => ({ statusCode: 200, body: String(bmi((event && event.kg) || 70, (event && event.m) || 1.75)) });
