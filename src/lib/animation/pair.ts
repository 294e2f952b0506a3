import type { AnimationDefinition, Pose } from '../core/content/pose-schema.ts';
import type { Frame } from './figure.ts';
import { figureMarkup, groundMarkup, svg, trailMarkup, type PictureOptions } from './still.ts';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The reduced-motion picture: the start pose and today's end pose side by side, each on its floor,
 * with an arrow between them, and the path to today's end on the end pose. Today's number is
 * beside it in the page.
 */
export function pairSvg(
	animation: AnimationDefinition,
	target: Pose,
	options: PictureOptions & { frame: Frame }
): string {
	const { frame } = options;
	const gap = frame.width * 0.22;
	const ground = options.ground ?? [animation.start, target];
	// Each picture is an SVG of its own, so its mat stops at its edge.
	const viewBox = [frame.left, frame.top, frame.width, frame.height].map(round).join(' ');
	const picture = (pose: Pose, extra: string, dx: number) =>
		`<svg x="${round(frame.left + dx)}" y="${round(frame.top)}" width="${round(frame.width)}" height="${round(frame.height)}" viewBox="${viewBox}">${groundMarkup(ground, animation.view, options.mirrored)}${figureMarkup(pose, animation.view, { ...options, hollow: animation.hollow })}${extra}</svg>`;
	const marker = trailMarkup(animation, target, frame.width / 180, options.mirrored);
	const midV = frame.top + frame.height / 2;
	const x0 = frame.left + frame.width + gap * 0.2;
	const x1 = frame.left + frame.width + gap * 0.8;
	const arrow = `<path class="figure-arrow figure-pair-arrow" d="M${round(x0)} ${round(midV)}H${round(x1)}M${round(x1 - gap * 0.2)} ${round(midV - gap * 0.2)}L${round(x1)} ${round(midV)}L${round(x1 - gap * 0.2)} ${round(midV + gap * 0.2)}"/>`;
	const wide = { ...frame, width: frame.width * 2 + gap };
	return svg(
		wide,
		picture(animation.start, '', 0) + arrow + picture(target, marker, frame.width + gap),
		'figure-pair',
		// Pinned to the bottom: the space above is for the side and today's number.
		'xMidYMax'
	);
}
