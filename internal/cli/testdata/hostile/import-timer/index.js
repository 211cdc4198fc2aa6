// TEST FIXTURE (depbox issue 15): runs only inside depbox's sandbox.
exports.handler = async () => ({ statusCode: 200 });
