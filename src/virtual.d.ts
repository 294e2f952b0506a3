declare module 'virtual:routes-data' {
	const content: import('$lib/core/definitions').Content;
	export default content;
}
