import type { JsonObject } from '../json/jsonValue';
import { fromPlain } from '../json/plain';
import { pythonNumber } from '../json/pythonFloat';

/** What differs between the demo runs' configs. */
export interface ConfigVariant {
	/** `experiment.name`, which is also the run's name. */
	readonly experimentName: string;
	readonly architecture: 'unet' | 'swinv2';
	readonly epochs: number;
	readonly learningRate: number;
	readonly batchSize: number;
	readonly loss: 'bce_dice' | 'focal_dice';
	/** Square input size in pixels (default 256). */
	readonly imageSize?: number;
}

/** A float token even for whole values (`2.0`), as OmegaConf keeps YAML floats. */
const float = (value: number) => pythonNumber(value, 'float');

function lossConfig(variant: ConfigVariant): Record<string, unknown> {
	return variant.loss === 'bce_dice'
		? { _target_: 'crackseg.training.losses.BCEDiceLoss', bce_weight: 0.5, dice_weight: 0.5, smooth: float(1) }
		: { _target_: 'crackseg.training.losses.FocalDiceLoss', focal_weight: 0.6, dice_weight: 0.4, alpha: 0.25, gamma: float(2) };
}

function modelConfig(variant: ConfigVariant, imageSize: number): Record<string, unknown> {
	if (variant.architecture === 'unet') {
		return {
			_target_: 'crackseg.model.core.unet.BaseUNet',
			encoder: { _target_: 'crackseg.model.encoder.CNNEncoder', in_channels: 3, init_features: 64, depth: 4 },
			bottleneck: { _target_: 'crackseg.model.bottleneck.cnn_bottleneck.BottleneckBlock', in_channels: 512, out_channels: 1024, dropout: 0.1 },
			decoder: { _target_: 'crackseg.model.decoder.cnn_decoder.CNNDecoder', in_channels: 1024, skip_channels_list: [512, 256, 128, 64], out_channels: 1 },
			final_activation: null,
		};
	}
	return {
		_target_: 'crackseg.model.architectures.swinv2_cnn_aspp_unet.SwinV2CnnAsppUNet',
		encoder: { _target_: 'crackseg.model.encoder.SwinV2EncoderAdapter', model_name: 'swinv2_tiny_window16_256', pretrained: true, img_size: imageSize, in_channels: 3 },
		bottleneck: { _target_: 'crackseg.model.components.aspp.ASPPModule', output_channels: 256, dilation_rates: [1, 6, 12, 18], dropout_rate: 0.1 },
		decoder: { _target_: 'crackseg.model.decoder.cnn_decoder.CNNDecoder', use_cbam: true, cbam_reduction: 16, upsample_mode: 'bilinear', out_channels: 1 },
		final_activation: 'sigmoid',
	};
}

/**
 * A resolved CrackSeg Hydra config as `OmegaConf.to_container(cfg, resolve=True)` gives it
 * (training, model and data sections with `_target_`s, then evaluation and experiment), so
 * `config_hash`, `config_summary` and config diffs behave as on real runs.
 */
export function crackSegConfig(variant: ConfigVariant): JsonObject {
	const imageSize = variant.imageSize ?? 256;
	return fromPlain({
		training: {
			epochs: variant.epochs,
			batch_size: variant.batchSize,
			learning_rate: float(variant.learningRate),
			optimizer: { _target_: variant.architecture === 'unet' ? 'torch.optim.Adam' : 'torch.optim.AdamW', lr: float(variant.learningRate), weight_decay: 0.0001 },
			loss: lossConfig(variant),
			lr_scheduler: { _target_: 'torch.optim.lr_scheduler.CosineAnnealingLR', T_max: variant.epochs, eta_min: float(variant.learningRate / 100) },
			use_amp: true,
			gradient_accumulation_steps: variant.architecture === 'unet' ? 1 : 4,
			early_stopping: { monitor: 'val_iou', patience: 10, mode: 'max' },
			save_best: { enabled: true, monitor_metric: 'val_iou', monitor_mode: 'max', best_filename: 'model_best.pth.tar' },
		},
		model: modelConfig(variant, imageSize),
		data: {
			root_dir: 'data/unified/',
			image_size: [imageSize, imageSize],
			batch_size: variant.batchSize,
			num_workers: 4,
			train_split: 0.7,
			val_split: 0.15,
			test_split: 0.15,
			in_memory_cache: false,
		},
		evaluation: { metrics: ['iou', 'dice', 'precision', 'recall', 'f1', 'accuracy'], threshold: 0.5 },
		experiment: { name: variant.experimentName, output_dir: 'artifacts/experiments' },
		random_seed: 42,
		require_cuda: false,
	}) as JsonObject;
}
