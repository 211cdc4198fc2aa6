require('bad');
throw new Error('boom at load');
