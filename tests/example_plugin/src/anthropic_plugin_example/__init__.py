"""An example platform: requests go to `/example/{model}` with an `X-Example-Signature` header."""
