// The single-route shape of the same endpoints: POST logs in, GET reads the session, DELETE logs out.
export { POST } from './login/route'
export { GET } from './session/route'
export { POST as DELETE } from './logout/route'
