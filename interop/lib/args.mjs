// Tiny argv parser: --name value options plus positional arguments.
import {usage} from './offline.mjs';

export function parseArgs(argv, {options = [], flags = [], help}) {
  const opts = {};
  const positional = [];
  for(let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if(a === '--help' || a === '-h') usage(help);
    if(a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s);
      if(flags.includes(name)) { opts[name] = true; continue; }
      if(!options.includes(name)) usage(`unknown option --${name}\n${help}`);
      const value = inline ?? argv[++i];
      if(value === undefined) usage(`--${name} needs a value\n${help}`);
      opts[name] = value;
    } else {
      positional.push(a);
    }
  }
  return {opts, positional};
}
